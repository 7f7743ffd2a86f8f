namespace FailingWell.Web.Infrastructure.Email;

public static class EmailExtensions
{
    public static WebApplicationBuilder AddFailingWellEmail(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<EmailSettings>()
            .Bind(builder.Configuration.GetSection(EmailSettings.Section))
            .PostConfigure(settings =>
            {
                settings.PickupDirectory = string.IsNullOrWhiteSpace(settings.PickupDirectory)
                    ? Path.Combine(contentRoot, "App_Data", "mail")
                    : Path.GetFullPath(settings.PickupDirectory, contentRoot);
            })
            .Validate(s => s.MaxAttempts > 0 && s.BatchSize > 0 && s.DeliveryIntervalSeconds > 0,
                "Email:MaxAttempts, Email:BatchSize and Email:DeliveryIntervalSeconds must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<IEmailOutbox, DatabaseEmailOutbox>();
        builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddScoped<OutboxDelivery>();
        return builder;
    }
}
