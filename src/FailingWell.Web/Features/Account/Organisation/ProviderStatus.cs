using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// Whether the provider's metadata can be read now (it is cached for a day once read), asked before
/// sending anyone to it: a provider that is down gets a plain page here, not an exception on the way.
/// </summary>
public static class ProviderStatus
{
    public sealed record Query : IRequest<Status>;

    public sealed record Status(bool Offered, bool Reachable, bool HasEndSession);

    public sealed class Handler(IOptions<OrganisationSignInSettings> settings, IOptionsMonitor<OpenIdConnectOptions> handlerOptions, ILogger<Handler> logger)
        : IRequestHandler<Query, Status>
    {
        public async Task<Status> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!settings.Value.IsEnabled)
            {
                return new Status(false, false, false);
            }

            var options = handlerOptions.Get(OrganisationSignInModule.Scheme);
            try
            {
                var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
                return new Status(true, true, !string.IsNullOrEmpty(configuration.EndSessionEndpoint));
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
            {
                OrganisationSignInLog.Unreachable(logger, e.GetType().Name);
                return new Status(true, false, false);
            }
        }
    }
}
