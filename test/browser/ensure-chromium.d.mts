export declare const chromiumPath: string;
export declare function ensureChromium(): boolean;
