import { useI18n } from '../i18n/useI18n.ts';

/** The 演练 EXERCISE mark: nobody in the hall may mistake exercise data for a real emergency. */
export function ExerciseBadge() {
  const { t } = useI18n();
  return (
    <span className="exercise-badge" role="status" title={t('exercise.title')} data-testid="exercise-mark">
      {t('exercise.mark')}
    </span>
  );
}
