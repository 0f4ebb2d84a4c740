/** 列表 / 看板: the switch between the opportunities grid and the pipeline board. */
import { ProjectOutlined, TableOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useT } from '../../i18n/context';
import type { OpportunityView } from './view-pref';

export function ViewSwitch(props: {
  value: OpportunityView;
  onChange: (view: OpportunityView) => void;
}) {
  const t = useT();
  return (
    <Segmented<OpportunityView>
      value={props.value}
      onChange={props.onChange}
      aria-label={t('opp.viewSwitch')}
      options={[
        {
          value: 'grid',
          icon: <TableOutlined />,
          label: <span data-testid="opp-view-grid">{t('opp.viewGrid')}</span>,
        },
        {
          value: 'board',
          icon: <ProjectOutlined />,
          label: <span data-testid="opp-view-board">{t('opp.viewBoard')}</span>,
        },
      ]}
      data-testid="opp-view-switch"
    />
  );
}
