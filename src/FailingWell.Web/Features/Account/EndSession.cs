using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Account;

/// <summary>Signs out: the authentication cookie is removed from this browser.</summary>
public static class EndSession
{
    public sealed record Command : IRequest<Unit>;

    public sealed class Handler(SignInManager<StaffAccount> signInManager) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await signInManager.SignOutAsync();
            return Unit.Value;
        }
    }
}
