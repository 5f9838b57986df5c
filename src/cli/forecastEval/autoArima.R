# R peer of `npm run eval:forecast`: forecast::auto.arima with its defaults (stepwise, AICc, KPSS / seasonal
# strength tests) on each task, then forecast() at the 95 % level.
# Usage: Rscript autoArima.R TASKS.csv OUT.csv PERIOD HORIZON
#   TASKS.csv: task,y (one row per training value, NA = missing, rows in time order)
#   OUT.csv:   task,step,mean,lower,upper,seconds,model (an error leaves the task out, with a message on stderr)
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
tasks <- read.csv(args[1], na.strings = c("NA", "NaN"))
period <- as.integer(args[3])
horizon <- as.integer(args[4])
out <- list()
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
  out[[length(out) + 1]] <- result
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
