/**
 * 数据升级记录: what each schema upgrade changed in this data folder, in words — e.g. how many
 * accounts got a suggested organisation nature that a person still has to confirm.
 */
import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';

type Note = Output<'app.info'>['upgradeNotes'][number];

function NoteText({ note }: { note: Note }) {
  const t = useT();
  const p = note.params;
  const n = (k: string) => Number(p[k] ?? 0);
  if (note.code === 'lifecycle_from_deals')
    return (
      <>
        {t('upgrade.lifecycleFromDeals', {
          won: n('won'),
          retained: n('retained'),
          kept: n('keptByPerson'),
        })}
      </>
    );
  if (note.code !== 'org_nature_suggested') return <>{note.migration}</>;
  return (
    <>
      <div>
        {t('upgrade.orgNature', {
          total: n('total'),
          organ: n('organ'),
          institution: n('institution'),
          soe: n('soe'),
          private: n('private'),
          other: n('other'),
          unknown: n('unknown'),
        })}
      </div>
      {n('dealerNameMoved') > 0 && <div>{t('upgrade.dealerMoved')}</div>}
      <div>{t(n('templateUpdated') > 0 ? 'upgrade.templateUpdated' : 'upgrade.templateKept')}</div>
    </>
  );
}

export function UpgradeNotes() {
  const t = useT();
  const { lang } = useLang();
  const [notes, setNotes] = useState<Note[]>([]);
  useEffect(() => {
    let live = true;
    void call('app.info', {}).then((r) => {
      if (live && r.ok) setNotes(r.value.upgradeNotes);
    });
    return () => {
      live = false;
    };
  }, []);
  if (notes.length === 0) return null;
  return (
    <div className="gap-top" data-testid="upgrade-notes">
      <Typography.Title level={5}>{t('upgrade.title')}</Typography.Title>
      {notes.map((note) => (
        <Alert
          key={note.migration}
          type="info"
          showIcon
          className="gap-bottom"
          title={t('upgrade.appliedAt', { at: formatDateTime(note.appliedAt, lang) })}
          description={<NoteText note={note} />}
        />
      ))}
    </div>
  );
}
