// Mantine's styles for the components pages beyond the first load use: forms, pickers and the
// rest. Each page's route module imports this; it loads once, with the first such page. A
// component rendered without its styles fails the end-to-end tests (e2e/fixtures.ts).
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
// NativeSelect's chevron.
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/Avatar.css';
import '@mantine/core/styles/Kbd.css';
import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/CloseButton.css';
