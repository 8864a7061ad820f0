/** A state of an ASL definition, as far as finding its Distributed Maps needs. */
interface State {
  Type: string;
  Label?: string;
  ItemProcessor?: { ProcessorConfig?: { Mode?: string }; States: Record<string, State> };
  Iterator?: { States: Record<string, State> };
  Branches?: Array<{ States: Record<string, State> }>;
}

/**
 * The Map Run labels of a definition's Distributed Map states (the state's name when it has no
 * Label): their child executions are `<machine>/<label>:<name>`, which the state machine's role
 * must be allowed to describe and stop.
 */
export function distributedMapLabels(definition: { States: Record<string, unknown> }): string[] {
  return Object.entries(definition.States as Record<string, State>).flatMap(([name, state]) => {
    const nested = [state.ItemProcessor ?? state.Iterator, ...(state.Branches ?? [])]
      .filter((d) => d !== undefined)
      .flatMap((d) => distributedMapLabels(d));
    const distributed = state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
    return distributed ? [state.Label ?? name, ...nested] : nested;
  });
}
