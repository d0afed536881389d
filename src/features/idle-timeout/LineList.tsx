import { List, Text } from '@mantine/core';

/** Sentences as a short list, under a heading when given: changes, effects, reasons. */
export function LineList({ title, lines }: { title?: string; lines: readonly string[] }) {
  return (
    <div>
      {title && (
        <Text fw={600} size="sm">
          {title}
        </Text>
      )}
      <List size="sm" spacing={2}>
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}
