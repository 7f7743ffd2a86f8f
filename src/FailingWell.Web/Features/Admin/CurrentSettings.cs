using FailingWell.Web.Features.Triage;

namespace FailingWell.Web.Features.Admin;

/// <summary>The settings in force (saved ones over the configuration file's), as the form to change them.</summary>
public static class CurrentSettings
{
    public sealed record Query : IRequest<SaveSettings.Command>;

    public sealed class Handler(TriageSettingsSource source) : IRequestHandler<Query, SaveSettings.Command>
    {
        public async Task<SaveSettings.Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var current = await source.GetAsync(cancellationToken);
            return new SaveSettings.Command
            {
                EscalationList = string.Join('\n', current.EscalationList),
                AcknowledgeWithinDays = current.AcknowledgeWithinDays,
                FeedbackWithinMonths = current.FeedbackWithinMonths,
                RemoveContactDetailsAfterDays = current.RemoveContactDetailsAfterDays,
            };
        }
    }
}
