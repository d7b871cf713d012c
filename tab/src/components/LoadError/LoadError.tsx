import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '../../api/apiClient';
import { useTranslation } from '../../hooks/useTranslation';

/** What went wrong, in the API's own words where it gave any, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  const detail =
    error.code === 'network' || !error.message ? t('tab.error.network') : error.message;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('tab.error.title')}</MessageBarTitle>
        {detail}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onRetry}>
          {t('tab.error.retry')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
