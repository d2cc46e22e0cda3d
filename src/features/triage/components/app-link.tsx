import type { ReactNode } from 'react';
import { useAppNavigationClick } from '@/app/router';

/**
 * A link to a dashboard path built by the triage rules (path + search as one string): a real
 * `<a href>` (open in a new tab works) that navigates inside the app on a plain click.
 */
export function AppLink({
  href,
  children,
  className,
  testId,
  title,
}: {
  href: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  title?: string;
}) {
  const onClick = useAppNavigationClick(href);
  return (
    <a href={href} onClick={onClick} className={className} data-testid={testId} title={title}>
      {children}
    </a>
  );
}
