using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>The directory groups mapped to FailingWell roles (Authentication:OpenIdConnect:GroupRoleMappings), for the People page.</summary>
public static class GroupRoles
{
    public sealed record Query : IRequest<IReadOnlyList<Mapping>>;

    public sealed record Mapping(string Group, string Role);

    public sealed class Handler(IOptions<OrganisationSignInSettings> settings) : IRequestHandler<Query, IReadOnlyList<Mapping>>
    {
        public Task<IReadOnlyList<Mapping>> Handle(Query request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Mapping>>(settings.Value.IsEnabled
                ? [.. settings.Value.GroupRoleMappings.OrderBy(m => m.Value, StringComparer.Ordinal).Select(m => new Mapping(m.Key, m.Value))]
                : []);
    }
}
