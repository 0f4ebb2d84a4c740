import { Segmented } from 'antd';
import { type Lang, LANGS } from '../i18n/lang';
import { useLang } from '../i18n/context';

export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      options={LANGS.map((l) => ({
        value: l.value,
        label: <span data-testid={`lang-${l.value}`}>{l.label}</span>,
      }))}
      onChange={setLang}
      data-testid="lang-switch"
    />
  );
}
