import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { DemoPeopleResponse } from '../../../../bot/api/contract';
import { useApiResource } from '../../hooks/useApiResource';
import { setDemoUser, useDemoUser } from '../../hooks/useDemoUser';
import { useTranslation } from '../../hooks/useTranslation';

const useStyles = makeStyles({
  root: {
    marginBottom: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    maxWidth: '480px',
  },
});

/**
 * Local development in a browser: act as the manager or an employee of the demo organisation.
 * Shown only when the API offers demo people (it answers 404 outside demo mode).
 */
export function DemoUserSwitcher() {
  const styles = useStyles();
  const { t } = useTranslation();
  const chosen = useDemoUser();
  const people = useApiResource<DemoPeopleResponse>('/demo/people');
  if (people.status !== 'ready' || people.data.people.length === 0) return null;

  const { defaultPersonId } = people.data;
  return (
    <aside className={styles.root} aria-label={t('tab.demo.region')}>
      <Field label={t('tab.demo.label')} hint={t('tab.demo.hint')}>
        <Select
          value={chosen ?? defaultPersonId}
          onChange={(_event, data) => setDemoUser(data.value)}
        >
          {people.data.people.map((person) => (
            <option key={person.id} value={person.id}>
              {t('tab.demo.option', {
                name: person.displayName,
                role: t(person.role === 'manager' ? 'tab.demo.manager' : 'tab.demo.employee'),
              })}
            </option>
          ))}
        </Select>
      </Field>
    </aside>
  );
}
