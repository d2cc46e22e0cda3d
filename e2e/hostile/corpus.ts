import type { Backend, Mutation } from '../support/bad-cluster';

export interface BadCase {
  id: string;
  backend: Backend;
  endpoint: string;
  mutation: Mutation;
  view: string;
}

export const CORPUS: BadCase[] = [];
