// The project's WXT config, built into tests/bench/out/ext so that benchmarking never races
// with a test run or a colleague's build in .output.
import config from '../../wxt.config';

export default { ...config, outDir: 'tests/bench/out/ext' };
