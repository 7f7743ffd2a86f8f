namespace FailingWell.Web.Infrastructure.Configuration;

public static class SettingsExtensions
{
    /// <summary>
    /// Binds a feature's one settings class to its configuration section, for injection as
    /// <c>IOptions&lt;T&gt;</c>, and returns the values now, for schedules that are set at start-up.
    /// </summary>
    public static T AddSettings<T>(this WebApplicationBuilder builder, string section, Func<T, bool>? validate = null, string? failure = null)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section));
        if (validate is not null)
        {
            options.Validate(validate, failure ?? $"The {section} settings are not valid.").ValidateOnStart();
        }

        return builder.Configuration.GetSection(section).Get<T>() ?? new T();
    }
}
