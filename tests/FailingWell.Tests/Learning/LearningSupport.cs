using FailingWell.Web.Features.Learning;
using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Tests.Learning;

/// <summary>A lead's learning commands through the mediator, as the pages send them.</summary>
public static class LearningSupport
{
    public static async Task<T> SendAsync<T>(FailingWellApp app, string actorId, LearningChange<T> change, int responseId = 0)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(change);
        change.ActorAccountId = actorId;
        if (responseId != 0)
        {
            change.ResponseId = responseId;
        }

        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(change);
    }

    public static async Task<T> QueryAsync<T>(FailingWellApp app, IRequest<T> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public static async Task<string> RefusalAsync(Func<Task> act)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(act);
        return string.Join(" | ", refused.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
    }

    public static Task<int> StartAsync(FailingWellApp app, string actorId, int reportId, LearningResponseType type, string? reason = null,
        NationalTrigger trigger = NationalTrigger.None, string title = "Fall in a bathroom") =>
        SendAsync(app, actorId, new StartResponse.Command { ReportId = reportId, Type = type, Reason = reason, Trigger = trigger, Title = title });

    public static Task<Unit> CompleteAarAsync(FailingWellApp app, string actorId, int responseId, string findings = "Bathroom call bells out of reach") =>
        SendAsync(app, actorId, new RecordResponse.Command
        {
            Participants = ["Registered nurse", "Matron"],
            SeipsPerson = "Night staff new to the ward", SeipsTasks = "Toileting at night", SeipsTools = "Call bell cord too short",
            SeipsOrganisation = "One nurse for 14 beds", SeipsInternalEnvironment = "Wet floor, poor lighting", SeipsExternalEnvironment = "Winter pressures",
            Findings = findings, AarExpected = "Patient helped to the toilet", AarActual = "Patient went alone and fell",
            AarWhyDifferent = "Bell out of reach", AarLearned = "Check bells at every bed round", Complete = true,
        }, responseId);
}
