import { describeFaultMatrix } from '../../test/faultMatrixSuite.tsx';

describeFaultMatrix('bulk-revoke');
