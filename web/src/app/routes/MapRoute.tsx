import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/PageTitle';
import { NetworkMapScreen } from '@/features/network-map/components/NetworkMapScreen';
import { PlansPanel } from '@/features/plans/components/PlansPanel';
import { addChange, EMPTY_DRAFT, type DraftPlan } from '@/features/plans/model/draftPlan';
import { capabilitiesOf } from '@/lib/permissions';
import { useAccount } from '@/lib/session';
import { Forbidden } from './Forbidden';

export function MapRoute() {
  const { t } = useTranslation();
  const account = useAccount();
  // The draft plan lives here: the map's designer forms add to it, the plans panel saves it (two features, composed in app/).
  const [draft, setDraft] = useState<DraftPlan>(EMPTY_DRAFT);
  if (!capabilitiesOf(account.role).networkMap) return <Forbidden />;
  return (
    <>
      <PageTitle title={t('networkMap.title')} />
      <NetworkMapScreen
        draftChanges={draft.changes}
        onAddToDraft={(change) => setDraft((d) => addChange(d, change))}
        canDesign={account.role === 'DESIGNER' || account.role === 'ADMIN'}
        renderPlans={(labelOf) => <PlansPanel draft={draft} onDraftChange={setDraft} canApply={account.role === 'ADMIN'} labelOf={labelOf} />}
      />
    </>
  );
}
