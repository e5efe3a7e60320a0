import {
  useMutation,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useRef } from "react";

/**
 * A mutation that creates something (a meeting, an agenda item, a decision…): one at a time. A
 * double click sends the second click while `isPending` is still false (TanStack Query tells the
 * component on its next tick), and each POST would make an object of its own; here a call made
 * while the previous one is still in flight is dropped. Disable the button with `isPending` too,
 * so the user sees why nothing more happens.
 */
export function useCreateMutation<TData, TVariables>(
  options: UseMutationOptions<TData, Error, TVariables>,
): UseMutationResult<TData, Error, TVariables> {
  const inFlight = useRef(false);
  const mutation = useMutation({
    ...options,
    onSettled: (...args) => {
      inFlight.current = false;
      return options.onSettled?.(...args);
    },
  });
  const mutate = (vars: TVariables, callbacks?: MutateOptions<TData, Error, TVariables>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(vars, callbacks);
  };
  const mutateAsync = (vars: TVariables, callbacks?: MutateOptions<TData, Error, TVariables>) => {
    if (inFlight.current)
      return Promise.reject(new Error("A create request is already in flight."));
    inFlight.current = true;
    return mutation.mutateAsync(vars, callbacks);
  };
  return { ...mutation, mutate, mutateAsync } as UseMutationResult<TData, Error, TVariables>;
}
