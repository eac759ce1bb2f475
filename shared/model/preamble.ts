import type { Office } from './report.js';
import { standardTitle } from './title.js';

/**
 * The usual preamble (legal basis, compiler, statistics period, where published, contact),
 * generated from the office profile; the clerk edits it freely afterwards.
 */
export function generatePreamble(office: Office, year: number): string {
  const name = office.name?.trim() || '本机关';
  const site = office.website?.trim() ? `（${office.website.trim()}）` : '';
  const contact = [
    office.address?.trim() ? `地址：${office.address.trim()}` : '',
    office.postcode?.trim() ? `邮编：${office.postcode.trim()}` : '',
    office.phone?.trim() ? `电话：${office.phone.trim()}` : '',
    office.email?.trim() ? `电子邮箱：${office.email.trim()}` : '',
  ].filter(Boolean);
  const where = office.county?.trim() ? `${office.county.trim()}人民政府门户网站${site}` : `本机关门户网站${site}`;
  return (
    `根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，` +
    `现发布《${standardTitle(office.name, year)}》。本报告由${name}根据本单位政府信息公开工作情况编制而成，` +
    `所列政府信息公开数据统计期限为${year}年1月1日至${year}年12月31日。` +
    `本报告电子版可在${where}查阅或下载。` +
    `如有疑问或意见建议，请与${name}联系${contact.length ? `（${contact.join('；')}）` : ''}。`
  );
}
