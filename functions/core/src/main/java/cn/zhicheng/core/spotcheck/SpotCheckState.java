package cn.zhicheng.core.spotcheck;

/** Where a spot-check draw stands (R19): committed to a seed and population, drawn, or replaced by a correction. */
public enum SpotCheckState {
    COMMITTED,
    DRAWN,
    SUPERSEDED
}
