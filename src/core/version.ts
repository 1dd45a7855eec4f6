import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
/** The npm package that installs the command eis (the package named eis is another project). */
export const PACKAGE_NAME: string = pkg.name;
