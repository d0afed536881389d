// Mantine's styles for what the bulk revoke pages use beyond the other pages.
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/Progress.css';
