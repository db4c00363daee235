export { savePlan } from './savePlan';
export { deletePlan, getPlan, listPlans } from './readPlans';
export { evaluatePlan, type PlanEvaluation } from './evaluatePlan';
export { comparePlans, type PlanComparison } from './comparePlans';
export { applyPlan } from './applyPlan';
export type { PlanActor } from './PlanActor';
