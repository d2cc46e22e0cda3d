import { Component, type ReactNode } from 'react';
import { useRawUrl } from '../router';
import { RouteErrorPage } from './route-error-page';

interface BoundaryProps {
  /** The URL: leaving the page (or changing its search params) clears the error. */
  resetKey: string;
  children: ReactNode;
}

interface BoundaryState {
  resetKey: string;
  error: { value: unknown } | null;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { resetKey: this.props.resetKey, error: null };

  static getDerivedStateFromError(value: unknown): Partial<BoundaryState> {
    return { error: { value } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { resetKey: props.resetKey, error: null };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <RouteErrorPage error={error.value} reset={() => this.setState({ error: null })} />;
  }
}

/** Each view has its own boundary: a crash in one view leaves the shell and navigation working. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { path, search } = useRawUrl();
  return <Boundary resetKey={`${path}?${search}`}>{children}</Boundary>;
}
