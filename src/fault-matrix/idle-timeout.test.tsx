import { describeFaultMatrix } from '../../test/faultMatrixSuite.tsx';

describeFaultMatrix('idle-timeout');
