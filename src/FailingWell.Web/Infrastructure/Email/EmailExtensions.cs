using Microsoft.Extensions.Options;

namespace FailingWell.Web.Infrastructure.Email;

public static class EmailExtensions
{
    public static WebApplicationBuilder AddFailingWellEmail(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var section = builder.Configuration.GetSection(EmailSettings.Section);
        builder.Services.AddOptions<EmailSettings>()
            // Before binding: the binder's own message for a wrong enum word is a stack trace about
            // type conversion; an operator needs the key and the words it takes.
            .Configure(_ => RefuseUnknownSecurity(section))
            .Bind(section)
            .PostConfigure(settings =>
            {
                settings.PickupDirectory = string.IsNullOrWhiteSpace(settings.PickupDirectory)
                    ? Path.Combine(contentRoot, "App_Data", "mail")
                    : Path.GetFullPath(settings.PickupDirectory, contentRoot);
                if (!string.IsNullOrWhiteSpace(settings.Smtp.CertificateAuthorityPath))
                {
                    settings.Smtp.CertificateAuthorityPath = Path.GetFullPath(settings.Smtp.CertificateAuthorityPath, contentRoot);
                }
            })
            .Validate(s => s.MaxAttempts > 0 && s.BatchSize > 0 && s.DeliveryIntervalSeconds > 0,
                "Email:MaxAttempts, Email:BatchSize and Email:DeliveryIntervalSeconds must be positive.")
            .Validate(s => s.Smtp.TimeoutSeconds > 0, "Email:Smtp:TimeoutSeconds must be positive.")
            .Validate(
                s => !s.UsesSmtp || string.IsNullOrEmpty(s.Smtp.UserName) || s.Smtp.EffectiveSecurity != SmtpSecurity.None || s.Smtp.IsLoopbackHost,
                "Email:Smtp:UserName is set with Email:Smtp:Security=None: the password would cross the network without TLS. "
                + "Use StartTls or SslOnConnect (or a relay on this host).")
            .Validate(
                s => string.IsNullOrWhiteSpace(s.Smtp.CertificateAuthorityPath) || RelayCertificates.CanLoad(s.Smtp.CertificateAuthorityPath),
                "Email:Smtp:CertificateAuthorityPath must name a readable PEM file holding at least one certificate.")
            .ValidateOnStart();
        builder.Services.AddScoped<IEmailOutbox, DatabaseEmailOutbox>();
        builder.Services.AddSingleton<IMailTransport, MailKitTransport>();
        builder.Services.AddScoped<OutboxDelivery>();
        return builder;
    }

    private static void RefuseUnknownSecurity(IConfigurationSection section)
    {
        var word = section["Smtp:Security"];
        if (!string.IsNullOrWhiteSpace(word)
            && !Enum.GetNames<SmtpSecurity>().Contains(word.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(
                EmailSettings.Section,
                typeof(EmailSettings),
                [$"Email:Smtp:Security is '{word}'; it must be one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}."]);
        }
    }
}
