/** Settings: tooltips on/off, first or every mention, when to analyze, and the sites where Backstory is off. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { loadSettings, SettingsError, updateSettings, watchSettings, type Settings } from '../../lib/settings';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failed, setFailed] = useState<'full' | 'write-failed' | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const save = (change: Partial<Settings>) => {
    setSettings({ ...settings, ...change });
    updateSettings(change).then(
      (next) => {
        setFailed(null);
        setSettings(next);
      },
      (err: unknown) => {
        // Show what is really stored, and say why the change is not there.
        setFailed(err instanceof SettingsError ? err.reason : 'write-failed');
        void loadSettings().then(setSettings);
      },
    );
  };
  return (
    <main class="options">
      <h1>{t('settings')}</h1>
      {failed && (
        <p role="alert" class="error">
          {failed === 'full' ? t('settingSitesFull') : t('settingSaveFailed')}
        </p>
      )}
      <label class="row">
        <input type="checkbox" checked={settings.tooltips} onChange={(e) => save({ tooltips: e.currentTarget.checked })} />
        {t('settingTooltips')}
      </label>
      <fieldset>
        <legend>{t('settingMarks')}</legend>
        <label class="row">
          <input type="radio" name="marks" checked={settings.marks === 'first'} onChange={() => save({ marks: 'first' })} />
          {t('settingMarksFirst')}
        </label>
        <label class="row">
          <input type="radio" name="marks" checked={settings.marks === 'every'} onChange={() => save({ marks: 'every' })} />
          {t('settingMarksEvery')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settingAnalyze')}</legend>
        <label class="row">
          <input type="radio" name="analyze" checked={settings.analyze === 'auto'} onChange={() => save({ analyze: 'auto' })} />
          {t('settingAnalyzeAuto')}
        </label>
        <label class="row">
          <input type="radio" name="analyze" checked={settings.analyze === 'on-click'} onChange={() => save({ analyze: 'on-click' })} />
          {t('settingAnalyzeClick')}
        </label>
      </fieldset>
      <h2>{t('settingSites')}</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="bs-muted">{t('settingNoSites')}</p>
      ) : (
        <ul class="sites">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="bs-button" aria-label={t('settingRemoveSite', site)} onClick={() => save({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                {t('siteOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="bs-muted">{t('privacy')}</p>
    </main>
  );
}
