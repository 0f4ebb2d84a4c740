/**
 * How possible duplicates are shown: inline while typing, as a modal when saving, and on the USCC
 * field. An account of the very same name is not a possible duplicate: it has its own modal, where
 * the user confirms, naming each such account, that theirs is another organisation.
 */
import { Alert, Button, Checkbox, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { AccountRef, DuplicateMatch } from '../../../../shared/schemas/accounts';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { accountPath } from '../../lib/use-hash-route';

const MATCHED_ON: Record<DuplicateMatch['matchedOn'], MessageKey> = {
  uscc: 'dup.matchedUscc',
  sameName: 'dup.matchedSameName',
  name: 'dup.matchedName',
  alias: 'dup.matchedAlias',
};

function AccountLink({ account, onOpen }: { account: AccountRef; onOpen: (id: number) => void }) {
  return (
    <a
      href={`#${accountPath(account.id)}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(account.id);
      }}
      data-testid={`dup-link-${account.id}`}
    >
      {account.name}
    </a>
  );
}

function MatchReason({ match }: { match: DuplicateMatch }) {
  const t = useT();
  return (
    <Typography.Text type="secondary" className="dup-reason">
      {t(MATCHED_ON[match.matchedOn], { text: match.matchedText })}
    </Typography.Text>
  );
}

/** Non-blocking warning under the name field after a duplicate check. */
export function DuplicateHint({
  matches,
  onOpen,
}: {
  matches: DuplicateMatch[];
  onOpen: (id: number) => void;
}) {
  const t = useT();
  if (matches.length === 0) return null;
  const same = matches.some((m) => m.matchedOn === 'sameName');
  return (
    <Alert
      type={same ? 'error' : 'warning'}
      showIcon
      className="dup-hint"
      data-testid="duplicate-hint"
      title={
        <span>
          {t(same ? 'dup.sameNameHint' : 'dup.possible')}
          {matches.map((m, i) => (
            <span key={m.id}>
              {i > 0 && '；'}
              <AccountLink account={m} onOpen={onOpen} /> <MatchReason match={m} />
            </span>
          ))}
        </span>
      }
    />
  );
}

/** The help text of the USCC field when the code already belongs to another account. */
export function UsccTaken({
  existing,
  onOpen,
}: {
  existing: AccountRef;
  onOpen: (id: number) => void;
}) {
  const t = useT();
  return (
    <span data-testid="uscc-taken">
      {t('dup.usccTaken')}
      <AccountLink account={existing} onOpen={onOpen} />
    </span>
  );
}

export function DuplicateModal(props: {
  matches: DuplicateMatch[];
  saving: boolean;
  onCancel: () => void;
  onSaveAnyway: () => void;
  onOpen: (id: number) => void;
}) {
  const { matches, saving, onCancel, onSaveAnyway, onOpen } = props;
  const t = useT();
  const only = matches.length === 1 ? matches[0] : undefined;
  return (
    <Modal
      open
      title={t('dup.modalTitle')}
      onCancel={onCancel}
      width={560}
      data-testid="duplicate-modal"
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid="dup-cancel">
          {t('common.cancel')}
        </Button>,
        only && (
          <Button key="open" onClick={() => onOpen(only.id)} data-testid="dup-open-existing">
            {t('dup.openExisting')}
          </Button>
        ),
        <Button
          key="save"
          type="primary"
          danger
          loading={saving}
          onClick={onSaveAnyway}
          data-testid="dup-save-anyway"
        >
          {t('dup.saveAnyway')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('dup.modalBody')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={matches}
        renderItem={(m) => (
          <List.Item
            key={m.id}
            actions={
              only
                ? undefined
                : [
                    <Button
                      key="open"
                      size="small"
                      type="link"
                      onClick={() => onOpen(m.id)}
                      data-testid={`dup-open-${m.id}`}
                    >
                      {t('dup.openExisting')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={m.name}
              description={
                <>
                  {m.uscc && <span className="mono dup-uscc">{m.uscc}</span>}
                  <MatchReason match={m} />
                </>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}

/**
 * The save was refused because accounts of the very same name exist: the user opens one of them,
 * or ticks, for each, that theirs is another organisation — the save then names their ids.
 */
export function SameNameModal(props: {
  name: string;
  matches: DuplicateMatch[];
  saving: boolean;
  onCancel: () => void;
  onConfirm: (ids: number[]) => void;
  onOpen: (id: number) => void;
}) {
  const { name, matches, saving, onCancel, onConfirm, onOpen } = props;
  const t = useT();
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const all = matches.every((m) => checked.has(m.id));
  const toggle = (id: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };
  return (
    <Modal
      open
      title={t('dup.sameTitle')}
      onCancel={onCancel}
      width={600}
      data-testid="same-name-modal"
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid="same-name-cancel">
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          danger
          disabled={!all}
          loading={saving}
          onClick={() => onConfirm(matches.map((m) => m.id))}
          data-testid="same-name-save"
        >
          {t('dup.sameSave')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('dup.sameBody', { name })}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={matches}
        renderItem={(m) => (
          <List.Item
            key={m.id}
            actions={[
              <Button
                key="open"
                size="small"
                type="link"
                onClick={() => onOpen(m.id)}
                data-testid={`same-name-open-${m.id}`}
              >
                {t('dup.openExisting')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={m.name}
              description={
                <>
                  {m.uscc && <span className="mono dup-uscc">{m.uscc}</span>}
                  <Checkbox
                    checked={checked.has(m.id)}
                    onChange={(e) => toggle(m.id, e.target.checked)}
                    data-testid={`same-name-confirm-${m.id}`}
                  >
                    {t('dup.sameConfirm', { name: m.name, id: m.id })}
                  </Checkbox>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
