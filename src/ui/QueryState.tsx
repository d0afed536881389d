import { Skeleton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { missingPermission } from '../api/errors.ts';
import { isApiError } from '../api/http.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PendingNotice } from './PendingNotice.tsx';
import { PermissionNotice } from './PermissionNotice.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What is loading, in words: "the user's details". */
  what: string;
  /** What failed, in words: "Couldn't load this user". */
  errorTitle: string;
  /** Height of the placeholder while it loads; none when 0. */
  skeleton?: number;
  /** Try again; the query's own refetch by default. */
  onRetry?: () => void;
  /** A 403 is shown as the permission it needs, with this action ("view users' details"). */
  forbidden?: { permission: string; action: string };
  children: (data: T) => ReactNode;
}

/** Where a query's data will be: what it waits for, why it failed (with Try again), or the data. */
export function QueryState<T>({ query, what, errorTitle, skeleton = 160, onRetry, forbidden, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <>
        <PendingNotice what={what} />
        {skeleton > 0 && <Skeleton height={skeleton} radius="md" aria-hidden />}
      </>
    );
  }
  if (query.isError) {
    if (forbidden && isApiError(query.error) && query.error.status === 403) {
      return <PermissionNotice permission={missingPermission(query.error) ?? forbidden.permission} action={forbidden.action} />;
    }
    return <ErrorAlert title={errorTitle} error={query.error} onRetry={onRetry ?? (() => void query.refetch())} retrying={query.isFetching} />;
  }
  return <>{children(query.data)}</>;
}
