# R peer of `npm run eval:forecast`: forecast::auto.arima with its defaults (stepwise, AICc, KPSS / seasonal
# strength tests) on each task, then forecast() at the 95 % level.
# Usage: Rscript autoArima.R TASKS.csv OUT.csv PERIOD HORIZON
#   TASKS.csv: task,y (one row per training value, NA = missing, rows in time order)
#   OUT.csv:   task,step,mean,lower,upper,seconds,model (an error leaves the task out, with a message on stderr);
#              written task by task, so an interrupted run leaves the finished tasks
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
tasks <- read.csv(args[1], na.strings = c("NA", "NaN"))
period <- as.integer(args[3])
horizon <- as.integer(args[4])
write.csv(data.frame(task = character(), step = integer(), mean = numeric(), lower = numeric(),
                     upper = numeric(), seconds = numeric(), model = character()), args[2], row.names = FALSE)
for (id in unique(tasks$task)) {
  y <- ts(tasks$y[tasks$task == id], frequency = period)
  started <- proc.time()[["elapsed"]]
  result <- tryCatch({
    fit <- auto.arima(y)
    fc <- forecast(fit, h = horizon, level = 95)
    seconds <- proc.time()[["elapsed"]] - started
    data.frame(task = id, step = seq_len(horizon), mean = as.numeric(fc$mean),
               lower = as.numeric(fc$lower[, 1]), upper = as.numeric(fc$upper[, 1]),
               seconds = seconds, model = paste(arimaorder(fit), collapse = " "))
  }, error = function(e) {
    message("task ", id, ": ", conditionMessage(e))
    NULL
  })
  if (!is.null(result)) {
    write.table(result, args[2], sep = ",", append = TRUE, col.names = FALSE, row.names = FALSE)
  }
}
