import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { AppInfo } from '../../shared/ipc/contract.ts';
import { primaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { ExerciseBadge } from './ExerciseBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface Props {
  info: AppInfo | undefined;
  /** This console's own command node, once the node list has loaded. */
  homeNode: CommandNode | undefined;
}

/** Product name, the exercise mark, which node this console is, and the language switch. */
export function TopBar({ info, homeNode }: Props) {
  const { t, locale } = useI18n();
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <span className="top-bar__emblem" aria-hidden="true" />
        <h1 className="top-bar__name">{t('app.name')}</h1>
        <span className="top-bar__name-other" lang={locale === 'en' ? 'zh-CN' : 'en'}>{t('app.nameOther')}</span>
      </div>
      {info?.exerciseData && <ExerciseBadge />}
      <div className="top-bar__spacer" />
      {info && (
        <div className="top-bar__identity" data-testid="node-identity" title={`${info.nodeCode} · ${info.nodeId} · v${info.version}`}>
          <span className="top-bar__identity-label">{t('identity.label')}</span>
          <span className="top-bar__identity-role">{t(`identity.role.${info.role}`)}</span>
          {homeNode && <span className="top-bar__identity-name">{primaryName(homeNode, locale)}</span>}
          <span className="top-bar__identity-code">{info.nodeCode}</span>
        </div>
      )}
      {info?.user && (
        <div className="top-bar__identity" data-testid="user-identity" title={info.user.userId}>
          <span className="top-bar__identity-label">{t('user.label')}</span>
          <span className="top-bar__identity-name">{info.user.name}</span>
          <span className="top-bar__identity-role">{t(`user.role.${info.user.role}`)}</span>
        </div>
      )}
      <LanguageSwitch />
    </header>
  );
}
