/** "保存图片 / Save as PNG" for one chart: the picture the user sees, at twice the screen size. */
import { PictureOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { RefObject } from 'react';
import { saveBlob } from '../../api/download';
import { useT } from '../../i18n/context';
import type { EChartHandle } from './EChart';

function blobOf(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',', 2);
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: head?.match(/^data:([^;]+)/)?.[1] ?? 'image/png' });
}

export function ChartPngButton(props: {
  chart: RefObject<EChartHandle | null>;
  /** Without the extension; the date is added. */
  fileName: string;
}) {
  const t = useT();
  const save = () => {
    const url = props.chart.current?.png();
    if (!url) return;
    saveBlob(blobOf(url), `${props.fileName}-${new Date().toISOString().slice(0, 10)}.png`);
  };
  return (
    <Button icon={<PictureOutlined />} onClick={save} data-testid="chart-png">
      {t('chart.png')}
    </Button>
  );
}
