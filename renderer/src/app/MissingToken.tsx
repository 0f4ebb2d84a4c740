/** Shown in browser mode when the page was opened without (or with a refused) access token. */
import { Result, Typography } from 'antd';

export function MissingToken() {
  return (
    <div className="full-page" data-testid="missing-token">
      <Result
        status="403"
        title={
          <>
            <div>请使用 npm start 打印的网址打开 Keyfleet</div>
            <div className="full-page__en">Open Keyfleet with the URL printed by npm start</div>
          </>
        }
        subTitle={
          <Typography.Paragraph type="secondary">
            该网址包含一次性访问令牌，形如 http://127.0.0.1:5199/?token=…
            <br />
            That URL carries the access token, e.g. http://127.0.0.1:5199/?token=…
          </Typography.Paragraph>
        }
      />
    </div>
  );
}
