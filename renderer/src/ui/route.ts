import { useEffect, useState } from 'react';

/** The app's few screens, kept in the address hash so that reload and the back key keep the place. */
export type Route = { name: 'list' } | { name: 'trash' } | { name: 'settings' } | { name: 'report'; id: string };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  if (h === 'trash') return { name: 'trash' };
  if (h === 'settings') return { name: 'settings' };
  const m = /^report\/([a-z0-9-]{6,64})$/.exec(h);
  if (m) return { name: 'report', id: m[1] };
  return { name: 'list' };
}

export function routeHash(r: Route): string {
  return r.name === 'report' ? `#/report/${r.id}` : r.name === 'list' ? '#/' : `#/${r.name}`;
}

export function navigate(r: Route): void {
  const h = routeHash(r);
  if (window.location.hash !== h) window.location.hash = h;
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
