package cn.zhicheng.catalogue.filing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.MonthDay;

/** R22: settings of series filings. */
@ConfigMapping(prefix = "zhicheng.catalogue.filing")
public interface FilingConfig {

    /** The day filings are due each year unless the HR bureau set another for the year: the end of April. */
    @WithDefault("--04-30")
    MonthDay dueDay();

    /** Years an approved filing is valid (less a day). */
    @WithDefault("3")
    int validityYears();
}
