import { useEffect } from 'react';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';

const loadView = (api: ConsoleApi) => api.network.view({});
const loadAlarms = (api: ConsoleApi) => api.network.alarms({});
const loadEvents = (api: ConsoleApi) => api.network.events({ limit: 200 });

/** How often the view is read again: link measurements change without any store event. */
export const VIEW_REFRESH_MS = 2000;

/** The network as this node sees it, kept current: on every replicated change and every two seconds. */
export function useNetworkView() {
  const view = useLiveQuery(loadView, ['networkLink', 'networkEvent', 'commandNode']);
  const { reload } = view;
  useEffect(() => {
    const timer = setInterval(reload, VIEW_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return view;
}

/** The alarm list: open alarms first, then the history. */
export function useNetworkAlarms() {
  return useLiveQuery(loadAlarms, ['networkEvent']);
}

/** The message of a bilingual refusal ("中文 / English") in the console's language. */
export function localHalf(message: string, locale: 'zh-CN' | 'en'): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return locale === 'en' ? message.slice(at + 3) : message.slice(0, at);
}

/** Channel switches, newest first: a node moving to (or back from) its backup channel. */
export function useChannelSwitches() {
  const events = useLiveQuery(loadEvents, ['networkEvent']);
  return (events.data ?? []).filter((event) => event.kind === 'channelSwitched');
}
