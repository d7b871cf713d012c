import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '../../api/apiClient';
import { useTranslation } from '../../hooks/useTranslation';
import { apiErrorText } from '../../plan/apiErrorText';

/** What went wrong, as apiErrorText says it, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  const detail = apiErrorText(error, t);
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
