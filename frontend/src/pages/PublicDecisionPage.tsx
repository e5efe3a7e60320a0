import DecisionPage from "./DecisionPage";

/** An adopted decision as the public sees it: no controls, no action items. */
export default function PublicDecisionPage() {
  return <DecisionPage publicView />;
}
