using Microsoft.AspNetCore.Hosting;

namespace FailingWell.Tests.Support;

/// <summary>The application as Production runs it: migrated at start for the test, with the key ring's certificate unless told otherwise.</summary>
public sealed class ProductionApp : FailingWellApp
{
    public ProductionApp(bool withCertificate = true)
    {
        With("Database:MigrateOnStart", "true");
        if (withCertificate)
        {
            this.WithKeyRingCertificate();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
