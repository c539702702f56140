import { useEffect, useState } from 'react';
import { parseRoute, type Route } from '../../shared/wall/routes.ts';

/** The route in the address's hash, followed as it changes; null for the desk console's shell. */
export function useHashRoute(): { route: Route | null; raw: string } {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return { route: parseRoute(hash), raw: hash };
}
