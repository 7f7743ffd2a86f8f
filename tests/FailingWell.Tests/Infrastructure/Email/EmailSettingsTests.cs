using FailingWell.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace FailingWell.Tests.Infrastructure.Email;

public sealed class EmailSettingsTests
{
    private static SmtpSettings Bound(params (string Key, string Value)[] settings)
    {
        using var app = new FailingWellApp().With("Email:Smtp:Host", "relay.trust.test");
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        return app.Services.GetRequiredService<IOptions<EmailSettings>>().Value.Smtp;
    }

    [Fact]
    public void With_a_host_and_nothing_said_the_relay_needs_STARTTLS() =>
        Assert.Equal(SmtpSecurity.StartTls, Bound().EffectiveSecurity);

    [Theory]
    [InlineData("true", "465", SmtpSecurity.SslOnConnect)]
    [InlineData("true", "587", SmtpSecurity.StartTls)]
    [InlineData("true", "25", SmtpSecurity.StartTls)]
    [InlineData("false", "25", SmtpSecurity.StartTls)]
    public void Old_EnableSsl_setting_still_chooses_the_security_when_Security_is_not_set(string enableSsl, string port, SmtpSecurity expected) =>
        Assert.Equal(expected, Bound(("Email:Smtp:EnableSsl", enableSsl), ("Email:Smtp:Port", port)).EffectiveSecurity);

    [Theory]
    [InlineData("None", SmtpSecurity.None)]
    [InlineData("sslonconnect", SmtpSecurity.SslOnConnect)]
    [InlineData("StartTls", SmtpSecurity.StartTls)]
    public void Security_when_set_wins_over_EnableSsl(string security, SmtpSecurity expected) =>
        Assert.Equal(expected, Bound(("Email:Smtp:Security", security), ("Email:Smtp:EnableSsl", "true"), ("Email:Smtp:Port", "465")).EffectiveSecurity);

    [Theory]
    [InlineData("Tls")]
    [InlineData("1")]
    [InlineData("off")]
    public void Unknown_security_word_stops_start_up_with_a_message_naming_the_setting_and_its_words(string word)
    {
        using var app = new FailingWellApp().With("Email:Smtp:Host", "relay.trust.test").With("Email:Smtp:Security", word);

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(refused));
        Assert.Equal($"Email:Smtp:Security is '{word}'; it must be one of StartTls, SslOnConnect, None.", validation.Message);
    }

    [Fact]
    public void Password_without_TLS_to_another_host_stops_start_up()
    {
        using var app = new FailingWellApp()
            .With("Email:Smtp:Host", "relay.trust.test").With("Email:Smtp:Security", "None")
            .With("Email:Smtp:UserName", "failingwell").With("Email:Smtp:Password", "secret");

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("without TLS", Assert.IsType<OptionsValidationException>(Unwrap(refused)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_without_TLS_to_a_relay_on_this_host_is_allowed() =>
        Assert.True(Bound(("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Security", "None"), ("Email:Smtp:UserName", "u"), ("Email:Smtp:Password", "p")).IsLoopbackHost);

    [Fact]
    public void Certificate_authority_file_that_is_not_there_stops_start_up()
    {
        using var app = new FailingWellApp().With("Email:Smtp:Host", "relay.trust.test").With("Email:Smtp:CertificateAuthorityPath", "/nonexistent/ca.pem");

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("CertificateAuthorityPath", Assert.IsType<OptionsValidationException>(Unwrap(refused)).Message, StringComparison.Ordinal);
    }

    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (current is not OptionsValidationException && current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
