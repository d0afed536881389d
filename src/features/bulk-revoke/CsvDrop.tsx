import '@mantine/dropzone/styles.css';
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { MAX_FILE_BYTES } from './entries.ts';

/** The file drop, in its own chunk: loaded when the admin opens "Upload a CSV". */
export default function CsvDrop({ onFile, onRefused }: { onFile: (file: File) => void; onRefused: (message: string) => void }) {
  return (
    <Dropzone
      onDrop={(files) => {
        const [file] = files;
        if (file) onFile(file);
      }}
      onReject={(rejections) => {
        const problem = rejections[0]?.errors[0];
        onRefused(
          problem?.code === 'file-too-large'
            ? `That file is over ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB: split the list into smaller files.`
            : problem?.code === 'too-many-files'
              ? 'Drop one file at a time.'
              : `That file cannot be read as a list: ${problem?.message ?? 'unknown reason'}. Save it as CSV (UTF-8).`,
        );
      }}
      maxSize={MAX_FILE_BYTES}
      multiple={false}
      accept={{ 'text/csv': ['.csv'], 'text/plain': ['.txt'], 'text/tab-separated-values': ['.tsv'], 'application/vnd.ms-excel': ['.csv'] }}
      aria-label="Upload a CSV file of users"
    >
      <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={40} aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={40} aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={40} aria-hidden />
        </Dropzone.Idle>
        <Stack gap={4}>
          <Text size="md" fw={600}>
            Drop a CSV file here, or press to choose one
          </Text>
          <Text size="sm" c="dimmed">
            Emails and user ids in any column, with or without a header row; comma, semicolon or tab separated. Up to{' '}
            {Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB.
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
