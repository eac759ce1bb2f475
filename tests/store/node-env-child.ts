/**
 * Run by node-env.test.ts with NODE_ENV=test. Writes once through lowdb's own JSONFilePreset
 * (which silently keeps data in memory under NODE_ENV=test) and once through our store, then
 * exits; the parent looks at what reached the disk.
 */
import { JSONFilePreset } from 'lowdb/node';
import { openStore } from '../../main/store/index.js';

const dir = process.argv[2];
const preset = await JSONFilePreset(`${dir}/preset.json`, { n: 0 });
preset.data.n = 1;
await preset.write();
const store = await openStore(`${dir}/store`);
const { meta } = await store.createReport({ year: 2024 });
await store.saveSettings({ office: { name: '某某镇人民政府' }, deadline: '01-31' });
await store.close();
process.stdout.write(JSON.stringify({ id: meta.id, env: process.env.NODE_ENV }) + '\n');
