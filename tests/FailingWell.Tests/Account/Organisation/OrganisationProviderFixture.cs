namespace FailingWell.Tests.Account.Organisation;

/// <summary>A real provider on loopback and the app set to use it, shared by a test class (each test makes its own accounts).</summary>
public class OrganisationProviderFixture : IAsyncLifetime
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public FailingWellApp App { get; private set; } = null!;

    /// <summary>Settings beyond the provider's own, for a class that tests a policy.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync("http://localhost");
        App = new FailingWellApp();
        foreach (var (key, value) in Provider.Settings.Concat(MoreSettings))
        {
            App.With(key, value);
        }

        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Provider.DisposeAsync();
    }
}
