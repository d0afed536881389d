import { NativeSelect, TextInput } from '@mantine/core';
import type { TimeoutUnit } from '../../api/tokens.ts';
import { UNITS } from '../../api/timeoutDuration.ts';

interface TimeoutInputProps {
  value?: number | string;
  onChange?: (value: string) => void;
  error?: React.ReactNode;
  readOnly: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
}

/**
 * The number of minutes or hours, kept as typed: a value out of range or with a fraction stays
 * on screen with the message under it instead of being clamped or rounded away.
 */
export function TimeoutInput({ value, onChange, error, readOnly, onFocus, onBlur }: TimeoutInputProps) {
  return (
    <TextInput
      label="Timeout"
      w={140}
      inputMode="decimal"
      autoComplete="off"
      value={value === undefined ? '' : String(value)}
      onChange={(event) => onChange?.(event.currentTarget.value)}
      error={error}
      readOnly={readOnly}
      onFocus={onFocus}
      onBlur={onBlur}
    />
  );
}

export function UnitSelect({ value, onChange, readOnly }: { value: TimeoutUnit; onChange: (unit: TimeoutUnit) => void; readOnly: boolean }) {
  return (
    <NativeSelect
      label="Unit"
      w={130}
      data={[...UNITS]}
      value={value}
      disabled={readOnly}
      onChange={(event) => {
        const unit = UNITS.find((u) => u === event.currentTarget.value);
        if (unit) onChange(unit);
      }}
    />
  );
}
