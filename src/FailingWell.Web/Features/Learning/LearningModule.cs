namespace FailingWell.Web.Features.Learning;

/// <summary>PSIRF learning responses: the response plan, responses, safety actions with measures, engagement.</summary>
public static class LearningModule
{
    // Everything here is pages and mediator requests (registered with the others); nothing to add yet.
    public static WebApplicationBuilder AddFailingWellLearning(this WebApplicationBuilder builder) => builder;
}
