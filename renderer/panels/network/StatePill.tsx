import type { NodeState } from '../../../shared/network/state.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** A node's state as a coloured pill, the same colours as the map and the tree. */
export function StatePill({ state }: { state: NodeState }) {
  const { t } = useI18n();
  return <span className={`network-state network-state--${state}`} data-state={state}>{t(`network.state.${state}`)}</span>;
}
