import { describeFaultMatrix } from '../../test/faultMatrixSuite.tsx';

describeFaultMatrix('token-and-users');
